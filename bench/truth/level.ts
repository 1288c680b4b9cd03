/** bench:truth section “level” (placeholder until written). */
export async function run(): Promise<void> {
  console.log('(not measured yet)');
}
