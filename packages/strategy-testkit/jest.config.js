module.exports = { displayName: 'strategy-testkit', preset: '../../jest.preset.js' };
