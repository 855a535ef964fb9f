module.exports = { displayName: 'fault-matrix', preset: '../../jest.preset.js' };
