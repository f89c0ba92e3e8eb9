import * as fs from 'fs';
import * as path from 'path';

/**
 * The violations of aws-cdk-lib's validation report (validation-report.json) in an assembly
 * directory, one line each: `<plugin> <severity> <rule> <construct path> <property paths>`.
 */
export function reportedViolations(directory: string, plugin?: string): string[] {
  const file = path.join(directory, 'validation-report.json');
  if (!fs.existsSync(file)) return [];
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const lines: string[] = [];
  for (const pluginReport of report.pluginReports ?? []) {
    if (plugin !== undefined && pluginReport.pluginName !== plugin) continue;
    for (const violation of pluginReport.violations ?? []) {
      for (const construct of violation.violatingConstructs ?? []) {
        lines.push([pluginReport.pluginName, violation.severity, violation.ruleName, construct.constructPath,
          ...(construct.cloudFormationResource?.propertyPaths ?? [])].join(' '));
      }
    }
  }
  return lines;
}
