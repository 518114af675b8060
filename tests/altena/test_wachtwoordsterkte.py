"""Issue 21, medium finding: guessable 12-character passwords were accepted. Every example of the
issue is now refused, through the real set-password form, with a Dutch reason; a long passphrase is
still accepted. No password leaves the machine (no breached-password service is called)."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from tests.factories.altena import UserFactory

pytestmark = pytest.mark.django_db

VOORBEELDEN = [
    "aaaaaaaaaaaa",
    "Welkom2026!!",
    "Wachtwoord12",
    "altenaaltena",
    "Zomer2026!!!",
    "passwordpassword",
    "Feyenoord2025!",
    "Westerkwartier1",
]


@pytest.mark.parametrize("wachtwoord", VOORBEELDEN)
def test_the_issues_examples_are_refused_in_dutch(wachtwoord):
    user = UserFactory(username="k.jansen", email="k.jansen@altena.example")
    with pytest.raises(ValidationError) as fout:
        validate_password(wachtwoord, user)
    tekst = " ".join(fout.value.messages)
    assert any(w in tekst for w in ("wachtwoord", "Wachtwoord")), tekst
    assert "password" not in tekst.replace("wachtwoord", "").lower().split(), tekst


def test_the_username_doubled_is_refused():
    user = UserFactory(username="pietersen", email="p@altena.example")
    with pytest.raises(ValidationError) as fout:
        validate_password("pietersenpietersen", user)
    assert "gebruikersnaam" in " ".join(fout.value.messages)


def test_word_plus_year_plus_punctuation_says_why():
    with pytest.raises(ValidationError) as fout:
        validate_password("Welkom2026!!", None)
    assert "jaartal" in " ".join(fout.value.messages)


@pytest.mark.parametrize("wachtwoord", ["een lange zin als wachtwoord", "paars kanaal dweilt gisteren"])
def test_a_passphrase_is_accepted(wachtwoord):
    validate_password(wachtwoord, UserFactory(username="k.jansen"))


def test_set_password_form_refuses_it_with_the_reason_at_the_field(client):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = UserFactory(username="nieuw", email="n@altena.example")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    form = client.get(f"/accounts/wachtwoord-vergeten/nieuw/{uid}/{token}/", follow=True)
    url = form.redirect_chain[-1][0]
    response = client.post(url, {"new_password1": "Welkom2026!!", "new_password2": "Welkom2026!!"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "jaartal" in html
    user.refresh_from_db()
    assert user.check_password("geheim-wachtwoord")
