/** Try an account against the live draft: being built (see ScorePanel). */
export function TryAccountSection() {
  return null;
}
