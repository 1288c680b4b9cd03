/** bench:truth section “syllables” (placeholder until written). */
export async function run(): Promise<void> {
  console.log('(not measured yet)');
}
