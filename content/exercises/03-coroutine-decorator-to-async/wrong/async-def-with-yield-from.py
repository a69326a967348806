import asyncio


# Mistake: the decorator became `async def`, but `yield from` stayed. Inside an async function
# `yield from` is a SyntaxError: it must become `await`.
async def func_1():
    print(1)
    yield from asyncio.sleep(2)
    print(2)


async def func_2():
    print(3)
    yield from asyncio.sleep(2)
    print(4)


task = [
    asyncio.ensure_future(func_1()),
    asyncio.ensure_future(func_2())
]

loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.wait(task))
