module.exports = { displayName: 'strategy-distributed', preset: '../../jest.preset.js' };
