/** The editor tests' exercise program: two workers at once ("fast done" at t=1, "slow done" at t=2). */
export const TWO_WORKERS = `import asyncio


async def worker(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done")


async def main():
    await asyncio.gather(worker("slow", 2), worker("fast", 1))
    print("all done")


asyncio.run(main())
`;

/** The classic mistake: one worker after the other (ends at t=3, the lines in the other order). */
export const TWO_WORKERS_SEQUENTIAL = TWO_WORKERS.replace(
  'await asyncio.gather(worker("slow", 2), worker("fast", 1))',
  'await worker("slow", 2)\n    await worker("fast", 1)',
);

/** The same program without its closing "all done" line. */
export const TWO_WORKERS_SHORT = TWO_WORKERS.replace('    print("all done")\n', "");

/** TWO_WORKERS_SHORT's sequential mistake. */
export const TWO_WORKERS_SHORT_SEQUENTIAL = TWO_WORKERS_SEQUENTIAL.replace('    print("all done")\n', "");
