module.exports = { displayName: 'fixture-server', preset: '../../jest.preset.js' };
