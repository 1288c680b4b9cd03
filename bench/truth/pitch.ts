/** bench:truth section “pitch” (placeholder until written). */
export async function run(): Promise<void> {
  console.log('(not measured yet)');
}
