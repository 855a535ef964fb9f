module.exports = { displayName: 'strategy-blocking-sync', preset: '../../jest.preset.js' };
