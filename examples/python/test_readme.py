"""The README's Python first-use snippet runs as written and synthesizes what it says."""

from pathlib import Path

from aws_cdk import App, Stack
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_lambda as lambda_

README = Path(__file__).resolve().parents[2] / "README.md"


def first_use_snippet() -> str:
    text = README.read_text()
    section = text[text.index("## Install and first use"):]
    start = section.index("```python\n") + len("```python\n")
    return section[start:section.index("```", start)]


def test_the_readme_first_use_synthesizes_its_responses():
    app = App()
    stack = Stack(app, "Readme")
    # What the snippet takes from "the rest of your app".
    names = {
        "app": app,
        "api": apigw.RestApi(stack, "Api"),
        "fn": lambda_.Function(
            stack, "Fn", runtime=lambda_.Runtime.NODEJS_20_X, handler="index.handler",
            code=lambda_.Code.from_inline("exports.handler = async () => ({})"),
        ),
    }
    exec(first_use_snippet(), names)  # noqa: S102 - the README's own text, the point of the test

    template = app.synth().get_stack_by_name("Readme").template
    methods = [r["Properties"] for r in template["Resources"].values() if r["Type"] == "AWS::ApiGateway::Method"]
    assert len(methods) == 1
    responses = methods[0]["Integration"]["IntegrationResponses"]
    assert [(r["StatusCode"], r.get("SelectionPattern")) for r in responses] == [("200", None), ("404", r"\[NotFound\].*")]
    for response in responses:
        assert response["ResponseParameters"] == {"method.response.header.Access-Control-Allow-Origin": "'*'"}
    assert [m["StatusCode"] for m in methods[0]["MethodResponses"]] == ["200", "404"]
