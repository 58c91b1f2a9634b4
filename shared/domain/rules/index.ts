export {
  EARLIEST_EFFECTIVE_FROM,
  RULE_SET_PROBLEM_CODES,
  InvalidRuleSetsError,
  assertUsableRuleSets,
  findConflicts,
  groupFor,
  periodsInForce,
  validateRuleSet,
  type PeriodInForce,
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
  complianceAssessor,
  heldRange,
  reportDueDate,
  type AssessedObligation,
  type ComplianceAssessor,
  type ComplianceStatus,
  type HeldMeeting,
  type HeldSpan,
} from './compliance';
export {
  buildWindows,
  cadenceOf,
  coverageOf,
  lastMonthOf,
  normalMonth,
  periodicSpans,
  previousPeriodCoverage,
  windowKeyFor,
  type Cadence,
  type Coverage,
  type CoverageChoice,
  type WindowSpan,
} from './frequency';
