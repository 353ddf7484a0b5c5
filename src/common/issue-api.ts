// The issue type and its formatters as every entry point that reports problems exports them (issue 12): one list,
// re-exported whole, so that code using one protocol names what its deprecated aliases stand for without a second
// entry point.

export {
  formatJsonPointer,
  formatLocation,
  formatXmlPath,
  type Issue,
  type IssueCode,
  type IssueSeverity,
  type PathStep,
} from './issues'
