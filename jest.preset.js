// Shared jest setup: @swc/jest compiles TypeScript to CommonJS.
// ky ships ESM only, so it is let through the transform too (inversify 7 ships CommonJS as well, for consumers' stock jest).
const path = require('node:path');
const { compilerOptions } = require('./tsconfig.base.json');

// Tests import our packages' TypeScript sources (the paths of tsconfig.base.json), not their built dist/:
// a test sees the change it tests without a build. Code that runs in worker threads loads built JavaScript.
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([name, [file]]) => [`^${name.replace(/[/]/g, '\\/')}$`, path.join(__dirname, file)]),
);

module.exports = {
  moduleNameMapper,
  testEnvironment: 'node',
  // Only *.spec.ts: the *.spec-d.ts type tests beside them are checked by tsc (the typecheck target), never run.
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.(ts|js|mjs)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript' },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!ky/)'],
  testTimeout: 30000,
};
