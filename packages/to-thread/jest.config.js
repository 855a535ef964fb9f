module.exports = { displayName: 'to-thread', preset: '../../jest.preset.js' };
