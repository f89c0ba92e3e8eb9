"""The Python port synthesizes the same integration responses as the TypeScript example.

CDK_REFERENCE_OUT names the cloud assembly of examples/app.ts (scripts/test-languages.sh synthesizes
it with the CDK CLI before running this suite).
"""

import json
import os
from pathlib import Path

import pytest

from aws_cdk import App

from app import ItemsApiStack, create_app
from cdk_integration_responses import BackendResult, ResponseContract, RestSimulator

STACKS = ["IntegrationResponsesExample", "IntegrationResponsesWebSocketExample"]

# The resources whose Properties must be identical. Logical IDs come from construct paths, so the
# same construct tree gives the same IDs in every language and resources are matched by ID. Only
# Properties are compared: Metadata, the Lambda function, its role and the deployment (whose logical
# ID hashes the whole API) may differ with the aws-cdk-lib release each language resolves from its
# own registry, and none of them are what this library emits.
COMPARED_TYPES = {
    "AWS::ApiGateway::Method",
    "AWS::ApiGatewayV2::Integration",
    "AWS::ApiGatewayV2::IntegrationResponse",
    "AWS::ApiGatewayV2::Route",
    "AWS::ApiGatewayV2::RouteResponse",
}


def compared(template: dict) -> dict:
    return {
        logical_id: resource["Properties"]
        for logical_id, resource in template["Resources"].items()
        if resource["Type"] in COMPARED_TYPES
    }


def reference_template(stack: str) -> dict:
    out = os.environ.get("CDK_REFERENCE_OUT")
    if not out:
        pytest.fail("CDK_REFERENCE_OUT must name the TypeScript example's cdk.out (npm run test:languages sets it)")
    return json.loads((Path(out) / f"{stack}.template.json").read_text())


@pytest.fixture(scope="module")
def assembly(tmp_path_factory):
    return create_app(outdir=str(tmp_path_factory.mktemp("cdk.out"))).synth()


@pytest.mark.parametrize("stack", STACKS)
def test_same_responses_as_the_typescript_example(assembly, stack):
    ours = compared(assembly.get_stack_by_name(stack).template)
    theirs = compared(reference_template(stack))
    # An empty comparison would pass for the wrong reason: the TypeScript app has these resources.
    assert len(theirs) >= 4
    assert ours == theirs


def test_lambda_method_maps_errors_by_message(assembly):
    template = assembly.get_stack_by_name("IntegrationResponsesExample").template
    get = next(
        r["Properties"] for r in template["Resources"].values()
        if r["Type"] == "AWS::ApiGateway::Method" and r["Properties"]["Integration"]["Type"] == "AWS"
    )
    patterns = [(r["StatusCode"], r.get("SelectionPattern")) for r in get["Integration"]["IntegrationResponses"]]
    assert patterns == [
        ("200", None),
        ("400", r"\[BadRequest\].*"),
        ("404", r"\[NotFound\].*"),
        ("500", r"(?!\[BadRequest\]|\[NotFound\]).+"),
    ]


@pytest.fixture(scope="module")
def rest_stack():
    return ItemsApiStack(App(), "IntegrationResponsesExample")


def test_simulated_not_found_from_the_python_stack(rest_stack):
    answer = RestSimulator.from_method(rest_stack.get_item).simulate(
        backend=BackendResult(error_message="[NotFound] item 'missing' does not exist"),
    )
    assert answer.status_code == 404
    assert answer.headers == {"Access-Control-Allow-Origin": "*"}
    assert json.loads(answer.body) == {"message": "[NotFound] item 'missing' does not exist"}


def test_simulated_health_check_from_the_python_stack(rest_stack):
    answer = RestSimulator.from_method(rest_stack.health).simulate(
        backend=BackendResult(status_code=200), context={"stage": "prod"},
    )
    assert answer.status_code == 200
    assert answer.headers == {"Cache-Control": "no-store", "Access-Control-Allow-Origin": "*"}
    assert json.loads(answer.body) == {"status": "ok", "stage": "prod"}


def test_same_contract_as_the_typescript_example(assembly):
    # What every method and route answers, read from both cloud assemblies: equal text, no change.
    ours = ResponseContract.from_assembly(assembly.directory)
    theirs = ResponseContract.from_assembly(os.environ["CDK_REFERENCE_OUT"])
    assert ResponseContract.compare(theirs, ours) == []
    assert ours.to_text() == theirs.to_text()
    get_item = next(o for o in ours.operations if o.name == "REST API ItemsApi GET /items/{id}")
    not_found = next(r for r in get_item.rows if r.backend == 'Lambda error "[NotFound]"')
    assert not_found.response == r"404 (pattern \[NotFound\].*)"
    assert not_found.client.status_code == 404
    assert not_found.client.headers == {"Access-Control-Allow-Origin": "*"}


def test_contract_of_the_python_stack_fits_a_snapshot(rest_stack):
    text = ResponseContract.from_stack(rest_stack, sample_body='{"id": "a1", "name": "x"}').to_text()
    assert text == ResponseContract.from_stack(rest_stack, sample_body='{"id": "a1", "name": "x"}').to_text()
    assert "REST API ItemsApi GET /health\n" in text
    assert '"id": "a1"' in text

