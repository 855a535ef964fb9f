// Nx 23 on Node 20 can only load a .ts generator through @swc-node/register or ts-node, and this workspace
// has neither; tsx (a root devDependency, already used to run the packages) loads it instead.
const { require: requireTs } = require('tsx/cjs/api');

module.exports = requireTs('./strategy-generator.ts', __filename);
