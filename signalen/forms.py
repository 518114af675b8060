from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms


class VoorkeurForm(forms.Form):
    dagelijkse_mail = forms.BooleanField(
        label="Stuur mij elke ochtend een e-mail met mijn nieuwe signalen",
        required=False,
        help_text="De e-mail noemt alleen het casusnummer en de soort signaal, geen persoonsgegevens.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("opslaan", "Opslaan"))
