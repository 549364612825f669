import { demoSignerLogin } from '@dr/demo-data';

/** 本人确认: the signer's own demo login, as `signRecordForm` / `signRefusalNote` take it. */
export function signerOf(inspectorId: string): { signerUsername: string; signerPassword: string } {
  const { username, password } = demoSignerLogin(inspectorId);
  return { signerUsername: username, signerPassword: password };
}
