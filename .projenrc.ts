import { awscdk, javascript } from 'projen';
const project = new awscdk.AwsCdkConstructLibrary({
  author: 'cdk-integration-responses maintainers',
  authorAddress: 'maintainers@users.noreply.example',
  cdkVersion: '2.200.0',
  jsiiVersion: '~6.0.0',
  name: 'cdk-integration-responses',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  repositoryUrl: 'https://github.com/cdk-integration-responses/cdk-integration-responses.git',
});
project.synth();