module.exports = { displayName: 'strategy-native-async', preset: '../../jest.preset.js' };
