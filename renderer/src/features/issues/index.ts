// What other features and the shell may use of the issue log; the rest of this folder is its own.
export { IssuesScreen } from './IssuesScreen';
export { IssueCard } from './card/IssueCard';
export { IssueReferenceSection } from './reference/IssueReferenceSection';
