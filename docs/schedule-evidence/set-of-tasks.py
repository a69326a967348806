# Hash order of tasks in a set: asyncio.wait returns sets; CPython hashes tasks by address.
import asyncio


async def step(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    # Ordinary work first: objects freed in the order of a set of strings (string hashes, and so
    # which memory blocks get reused, differ from process to process).
    cache = {word: [word] * 40 for word in "alpha beta gamma delta epsilon zeta eta theta".split()}
    for word in list(set(cache))[:5]:
        del cache[word]
    tasks = [asyncio.ensure_future(step(name, 1)) for name in ("烧水", "洗茶杯", "买茶叶")]
    done, _ = await asyncio.wait(tasks)
    print([task.result() for task in done])


asyncio.run(main())
