import { runCli } from './run-cli';

describe('failed requests', () => {
  it('exit 1 with the failures counted per error type', async () => {
    const { code, stdout } = await runCli(['names', '--count', '6', '--mode', 'gather', '--error-rate', '1', '--latency', '0']);
    expect(code).toBe(1);
    expect(stdout).toContain('0 ok, 6 failed');
    expect(stdout).toContain('failed: HttpError 503 ×6');
    expect(stdout).toMatch(/e\.g\. HttpError 503: Request failed with status 503: GET http:\/\/127\.0\.0\.1:\d+\/api\/v2\/pokemon\//);
  });
});
