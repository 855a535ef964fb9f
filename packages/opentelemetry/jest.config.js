module.exports = { displayName: 'opentelemetry', preset: '../../jest.preset.js' };
