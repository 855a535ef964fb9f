module.exports = { displayName: 'strategy-worker-threaded', preset: '../../jest.preset.js' };
