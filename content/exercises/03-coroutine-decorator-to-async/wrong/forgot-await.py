import asyncio


async def func_1():
    print(1)
    # Mistake: `yield from` was deleted instead of being replaced by `await`. The sleep coroutine
    # object is created and thrown away, so nothing waits.
    asyncio.sleep(2)
    print(2)


async def func_2():
    print(3)
    asyncio.sleep(2)
    print(4)


task = [
    asyncio.ensure_future(func_1()),
    asyncio.ensure_future(func_2())
]

loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.wait(task))
