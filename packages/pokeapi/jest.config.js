module.exports = { displayName: 'pokeapi', preset: '../../jest.preset.js' };
