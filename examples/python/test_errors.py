"""Mistakes reach a Python user as Python exceptions carrying the library's message and findings."""

import pytest
from aws_cdk import App, Stack
from aws_cdk import aws_apigateway as apigw

from cdk_integration_responses import (
    IntegrationResponseChecks,
    IntegrationResponseErrors,
    ResponseValue,
    RestResponse,
    Severity,
)


def test_a_bad_status_code_raises_at_the_call():
    with pytest.raises(RuntimeError) as raised:
        RestResponse.for_status("2000")
    message = str(raised.value)
    assert "[rest-status-code] status code '2000' is not a valid HTTP status" in message
    assert "(in RestResponse.forStatus)" in message
    findings = IntegrationResponseErrors.findings_of(message)
    assert [(f.rule_id, f.severity) for f in findings] == [("rest-status-code", Severity.ERROR)]


def test_an_unquoted_static_header_raises_at_the_call():
    with pytest.raises(RuntimeError, match=r"\[rest-parameter-value\] 'no-store' is not a valid mapping expression"):
        ResponseValue.from_expression("no-store")


def test_the_whole_app_checks_fail_the_synth_of_plain_aws_cdk_lib_code():
    # Written without the library's builders, as most existing apps are: only the checks see it.
    app = App()
    IntegrationResponseChecks.add_to(app)
    stack = Stack(app, "Plain")
    api = apigw.RestApi(stack, "Api")
    api.root.add_method(
        "GET",
        apigw.MockIntegration(
            request_templates={"application/json": '{"statusCode": 200}'},
            integration_responses=[apigw.IntegrationResponse(
                status_code="200",
                response_parameters={"method.response.header.Cache-Control": "no-store"},
            )],
        ),
        method_responses=[apigw.MethodResponse(
            status_code="200",
            response_parameters={"method.response.header.Cache-Control": True},
        )],
    )
    with pytest.raises(RuntimeError) as raised:
        app.synth()
    message = str(raised.value)
    # On aws-cdk-lib with Validations the finding comes in aws-cdk-lib's validation report (the line,
    # then the construct path); on older releases as the construct's validation error. Both name these.
    assert "[rest-parameter-value]" in message
    assert "Plain/Api/Default/GET/Resource" in message
    assert "'no-store' is not a valid mapping expression" in message
