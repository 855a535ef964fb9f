// The bench's reusable pieces, e.g. for an app that renders a saved `--json` report.
export { buildReport, type BenchReport, type BenchMeasurements, type SeedRow, type ThroughputRow } from './bench-report';
export { formatReport } from './format-report';
export { renderSeedChartSvg, type SeedBar, type SeedChartText } from './seed-chart-svg';
export { evaluateTargets, TARGETS, type TargetCheck } from './targets';
export { median, percentile, summarizeLatencies } from './stats';
