// fastify's inject() loads light-my-request, which requires the ESM-only `cookie`: let it through the transform too.
module.exports = {
  displayName: 'web',
  preset: '../../jest.preset.js',
  transformIgnorePatterns: ['/node_modules/(?!(ky|inversify|@inversifyjs|cookie)/)'],
};
