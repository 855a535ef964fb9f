module.exports = { displayName: 'strategy-undici-pool', preset: '../../jest.preset.js' };
