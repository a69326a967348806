import asyncio

# 旧写法：@asyncio.coroutine 装饰器（Python 3.8 起弃用，3.11 已删除）
# TODO: 改写成 async def / await


@asyncio.coroutine
def func_1():
    print(1)
    yield from asyncio.sleep(2)
    print(2)


@asyncio.coroutine
def func_2():
    print(3)
    yield from asyncio.sleep(2)
    print(4)


task = [
    asyncio.ensure_future(func_1()),
    asyncio.ensure_future(func_2())
]

loop = asyncio.get_event_loop()
loop.run_until_complete(asyncio.wait(task))
