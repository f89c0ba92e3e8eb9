import * as fs from 'fs';
import * as path from 'path';
import { generate as generateRuleIds } from '../../../scripts/generate-rule-ids';
import { generate as generateSchemas } from '../../../scripts/generate-schemas';

const SRC = path.join(__dirname, '..', '..', '..', 'src', 'rules');

// Both files are generated: by scripts/generate-schemas.ts from the installed
// @aws-cdk/aws-service-spec, and by scripts/generate-rule-ids.ts from the rule table. Run the script
// again when one of these fails.
test('the CloudFormation schemas are those of the installed @aws-cdk/aws-service-spec', () => {
  expect(fs.readFileSync(path.join(SRC, 'schema', 'cloudformation-schemas.generated.ts'), 'utf8')).toBe(generateSchemas());
});

test('RuleIds is generated from the rule table', () => {
  expect(fs.readFileSync(path.join(SRC, 'rule-ids.ts'), 'utf8')).toBe(generateRuleIds());
});
