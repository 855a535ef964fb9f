module.exports = { displayName: 'text-table', preset: '../../jest.preset.js' };
