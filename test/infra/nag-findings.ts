// Test helper: cdk-nag findings of a stack minus those acknowledged, matched the way `cdk synth` matches them.
import { Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';

export interface Finding {
  rule: string;
  severity: string;
  path: string;
}

/** Acknowledged ids (e.g. `AwsSolutions::AwsSolutions-S1`) on a construct and all its ancestors. */
const acknowledgedAbove = (construct: IConstruct): Set<string> => {
  const ids = new Set<string>();
  for (let c: IConstruct | undefined = construct; c; c = c.node.scope) {
    for (const entry of c.node.metadata) {
      if (entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && entry.data) {
        for (const id of Object.keys(entry.data as Record<string, string>)) ids.add(id);
      }
    }
  }
  return ids;
};

/**
 * `validateScope` honours only unprefixed acknowledgements, while synth (and validation-report.json) uses
 * the prefixed `AwsSolutions::<rule>` ids this app writes: apply the synth rule here.
 */
export const unacknowledgedFindings = (stack: IConstruct): Finding[] => {
  const byPath = new Map(stack.node.findAll().map((c) => [c.node.path, c]));
  const report = new AwsSolutionsChecks().validateScope(stack);
  const findings: Finding[] = [];
  for (const v of report.violations) {
    for (const r of v.violatingResources) {
      const path = r.constructPath ?? '';
      const construct = byPath.get(path);
      if (construct && acknowledgedAbove(construct).has(`AwsSolutions::${v.ruleName}`)) continue;
      findings.push({ rule: v.ruleName, severity: v.severity ?? 'error', path });
    }
  }
  return findings;
};
