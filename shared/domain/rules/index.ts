export {
  RULE_SET_PROBLEM_CODES,
  InvalidRuleSetsError,
  assertUsableRuleSets,
  findOverlaps,
  groupFor,
  validateRuleSet,
  type RuleGroup,
  type RuleSet,
  type RuleSetProblem,
  type RuleSetProblemCode,
  type WindowRule,
} from './rule-set';
export { DECREE_615 } from './decree-615';
export { nextWindowStart, obligationsFor, type Obligation } from './schedule';
export {
  assessCompliance,
  reportDueDate,
  type AssessedObligation,
  type ComplianceStatus,
  type HeldMeeting,
} from './compliance';
