# Finalisation order of abandoned async generators: asyncio.run closes the ones still open in the
# order of a WeakSet, i.e. of their memory addresses.
import asyncio

async def ticker(name):
    try:
        while True:
            yield name
            await asyncio.sleep(0)
    finally:
        print("closing", name)

async def main():
    # Ordinary work before: objects kept in a dict and dropped in set order (string hashes, and so
    # which memory blocks are free again, differ from process to process).
    cache = {w: ticker(w) for w in "alpha beta gamma delta epsilon zeta eta theta".split()}
    for w in list(set(cache))[:5]:
        del cache[w]
    gens = [ticker(n) for n in "abc"]
    for g in gens:
        await g.__anext__()
    print("main done")
    main.gens = gens

asyncio.run(main())
