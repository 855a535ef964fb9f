module.exports = { displayName: 'blocking-http', preset: '../../jest.preset.js' };
