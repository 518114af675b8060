"""Rapportage reads from the reporting replica when one is configured; everything else from default."""

import pytest
from django.contrib.auth.models import Group
from django.db import connections
from django.test import override_settings

from altena.replica import ReportingRouter, reading_for_reports


def test_without_a_replica_reads_stay_on_default(settings):
    settings.REPORTING_DB = None
    with reading_for_reports():
        assert ReportingRouter().db_for_read(Group) is None


def test_with_a_replica_only_report_reads_go_there(settings):
    settings.REPORTING_DB = "reporting"
    router = ReportingRouter()
    assert router.db_for_read(Group) is None
    with reading_for_reports():
        assert router.db_for_read(Group) == "reporting"
        assert router.db_for_write(Group) is None  # writes always go to the primary
    assert router.allow_migrate("reporting", "intake") is False


@pytest.mark.django_db(transaction=True, databases=["default", "reporting"])
def test_a_rapportage_request_reads_through_the_reporting_connection(client_for, teamleider):
    client = client_for(teamleider)
    seen = []

    def spy(execute, sql, params, many, context):
        seen.append(sql)
        return execute(sql, params, many, context)

    with override_settings(REPORTING_DB="reporting"), connections["reporting"].execute_wrapper(spy):
        response = client.get("/rapportage/")
    assert response.status_code == 200
    assert any("intake_casus" in sql for sql in seen)  # the dashboard's figures came from the replica
    seen.clear()
    with override_settings(REPORTING_DB="reporting"), connections["reporting"].execute_wrapper(spy):
        assert client.get("/intake/").status_code == 200
    assert seen == []  # other apps never read from the replica


@pytest.mark.django_db
def test_query_count_header_only_when_asked(client_for, teamleider, settings):
    client = client_for(teamleider)
    assert "X-Query-Count" not in client.get("/rapportage/")
    settings.QUERY_COUNT_HEADER = True
    assert int(client.get("/rapportage/")["X-Query-Count"]) > 0
