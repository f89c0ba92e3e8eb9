import { awscdk, javascript } from 'projen';

// The oldest aws-cdk-lib the library supports (the peer range's floor) and the one it is developed
// and tested against (the newest release). CI also runs the test suite against the floor and against
// the newest release on the registry at run time (scripts/test-aws-cdk-lib-range.sh).
const CDK_VERSION = '2.200.0';
const CDK_DEV_VERSION = '2.276.0';
const CONSTRUCTS_VERSION = '10.5.1';
const CDK_CLI_VERSION = '2.1148.1';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-integration-responses',
  description:
    'Typed, validated API Gateway integration responses for AWS CDK (REST and WebSocket APIs): ' +
    'builders, synth-time checks, a template checker CLI and a response simulator.',
  keywords: ['cdk', 'awscdk', 'aws-cdk', 'apigateway', 'api-gateway', 'websocket', 'integration-response', 'vtl', 'validation'],
  author: 'cdk-integration-responses maintainers',
  authorAddress: 'maintainers@users.noreply.example',
  repositoryUrl: 'https://github.com/cdk-integration-responses/cdk-integration-responses.git',
  defaultReleaseBranch: 'main',
  cdkVersion: CDK_VERSION,
  cdkCliVersion: CDK_CLI_VERSION,
  constructsVersion: CONSTRUCTS_VERSION,
  // The dev dependency is the newest aws-cdk-lib, not the floor (which CI tests separately).
  peerDependencyOptions: { pinnedDevDependency: false },
  jsiiVersion: '~6.0.0',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  minNodeVersion: '20.0.0',

  // There is no GitHub here: `.ci/run` is the CI, so no workflows that could never run.
  github: false,
  release: false,

  publishToPypi: {
    distName: 'cdk-integration-responses',
    module: 'cdk_integration_responses',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdkintegrationresponses',
    mavenGroupId: 'io.github.cdk-integration-responses',
    mavenArtifactId: 'cdk-integration-responses',
  },
  publishToNuget: {
    dotNetNamespace: 'CdkIntegrationResponses',
    packageId: 'CdkIntegrationResponses',
  },
  publishToGo: {
    moduleName: 'github.com/cdk-integration-responses/cdk-integration-responses-go',
  },

  // Run-time helpers are bundled: they never appear in the public (jsii) API.
  bundledDeps: [
    'velocityjs@^2.1.7',
    'jsonpath-plus@~10.4.0',
    'yaml@^2.8.1',
    'refa@^0.12.1',
    // Super-linear backtracking analysis (rules backtracking) on the regexpp AST that refa also parses.
    'scslre@^0.3.0',
    '@eslint-community/regexpp@^4.12.1',
    // A linear-time engine (a port of RE2) for VTL regex methods with patterns unsafe for backtracking.
    're2js@^2.10.0',
  ],
  devDeps: [
    `aws-cdk-lib@${CDK_DEV_VERSION}`,
    `aws-cdk@${CDK_CLI_VERSION}`,
    '@aws-cdk/aws-service-spec',
    '@aws-cdk/service-spec-types',
    'fast-check@^4',
    // Validates the JSON Schemas JsonBody writes (draft 4, what API Gateway models use) in the tests.
    'ajv@^6.12.6',
  ],

  typecheckTests: true,
  jestOptions: {
    // Snapshot tests must be able to fail: `jest --ci` in `test`, updates only through `test:update`.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      coverageReporters: ['text-summary', 'lcov'],
    },
  },
  // The example app, its scripts and the benchmark are linted like the tests.
  eslintOptions: { dirs: ['src'], devdirs: ['test', 'build-tools', 'scripts', 'bench', 'examples'] },
  gitignore: ['cdk.out', '/oracle/build/', '/scripts/oracle/peer/node_modules/', '/examples/cdk.out', '/bench/results/', '*.tsbuildinfo', '.jsii.tabl.json', '__pycache__/', '/examples/java/target/'],
});

// Findings are built in src/rules only: builders, checks and the simulator call a rule and throw or
// report what it returns, so every message has one home and one wording.
project.eslint?.addOverride({
  files: ['src/**/*.ts'],
  excludedFiles: ['src/rules/**'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{
        group: ['**/rules/catalog'],
        importNames: ['finding'],
        message: 'findings are built by the rules in src/rules: call a rule function instead',
      }],
    }],
  },
});

// projen declares constructs as a peer only once pinned dev dependencies are off: develop against the floor.
project.addDevDeps(`constructs@${CONSTRUCTS_VERSION}`);

// The registry mirror here lacks some platform bindings of unrs-resolver 1.13 (used by the eslint
// import resolver), which leaves package-lock.json out of sync for `npm ci`; 1.12.2 is complete.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// jsii warns when a member name is a reserved word in a target language: keep those warnings visible.
project.compileTask.reset('jsii');
project.watchTask.reset('jsii -w');

project.addTask('example', {
  description: 'Synthesize the example app with the CDK CLI and print the responses it emitted',
  steps: [
    { exec: 'ts-node --transpile-only scripts/example.ts' },
  ],
});

// The scripts, the example app and the benchmark are not part of the library build: type-check
// them with the tests so they cannot rot.
for (const dir of ['examples', 'bench', 'scripts']) project.testTask.prependExec(`tsc -p ${dir}/tsconfig.json`);

project.addTask('test:aws-cdk-lib-range', {
  description: 'Run the test suite against the oldest supported and the newest aws-cdk-lib on the registry',
  exec: 'scripts/test-aws-cdk-lib-range.sh',
});

project.addTask('bench', {
  description: 'Benchmark synth overhead, the template checker and the simulator (docs/performance.md)',
  exec: 'ts-node --transpile-only bench/run.ts',
});

project.addTask('bench:plot', {
  description: 'Redraw docs/performance-synth.svg from the last benchmark result',
  exec: 'ts-node --transpile-only bench/plot.ts bench/results/latest.json docs/performance-synth.svg',
});

// The long robustness run (test/robustness): 100,000 seeded cases; CI runs it last. ROBUSTNESS_SEED
// and ROBUSTNESS_CASES set the seed and the number of cases; the quick run is part of the test suite.
project.addTask('robustness', {
  description: 'Fuzz the checker, the CLI and the simulators with 100,000 mutated fixtures and backend answers (prints its seed)',
  exec: 'ts-node --transpile-only -P test/tsconfig.json test/robustness/run.ts',
});

project.addTask('bindings', {
  description: 'Generate Python, Java, .NET and Go sources (code only, a quick check; test:languages builds and tests the real packages)',
  steps: [
    { exec: 'jsii-pacmak --code-only --target python --target java --target dotnet --target go' },
    { exec: 'python3 -m compileall -q dist/python' },
  ],
});

// Not part of `npm test` (the fast TypeScript loop): it builds three packages and installs their
// languages' dependencies from the registries, several minutes on a fresh machine.
project.addTask('test:languages', {
  description: 'Build the Python wheel, Java jar and Go module, and run the Python, Java and Go example apps\' tests against them',
  exec: 'scripts/test-languages.sh',
  receiveArgs: true,
});

// The language examples (and what their builds leave: target/, __pycache__/) stay out of the npm
// tarball, which jsii-pacmak also embeds in the wheel, the jar and the Go module.
for (const dir of ['python', 'java', 'go']) project.addPackageIgnore(`/examples/${dir}/`);

project.addTask('oracle', {
  description: 'Differential test of the simulator against Apache Velocity 1.7 (installs it and a JDK when missing); re-records test/fixtures/vtl-oracle.json',
  exec: 'ts-node --transpile-only scripts/oracle/run.ts',
  receiveArgs: true,
});

project.addTask('test:properties', {
  description: 'The property tests of the JSON body builder and the service kits at 10,000 generated cases each (npm test runs 1,000)',
  env: { PROPERTY_RUNS: '10000' },
  exec: 'jest --ci --coverage=false test/bodies',
});

project.addTask('rosetta', {
  description: 'Compile every README example under jsii-rosetta --strict',
  exec: 'jsii-rosetta extract --strict',
});

project.synth();
