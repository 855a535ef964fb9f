export { default as strategyGenerator } from './generators/strategy/strategy-generator';
export type { StrategyGeneratorSchema } from './generators/strategy/schema';
export { validateStrategyOptions, type StrategyTarget } from './generators/strategy/validate-strategy-options';
