module.exports = { displayName: 'package-tests', preset: '../../jest.preset.js' };
