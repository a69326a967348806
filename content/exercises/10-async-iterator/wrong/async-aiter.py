import asyncio


class Countdown:
    """异步迭代器：每隔 1 秒产出一个数字，从 start 倒数到 1。"""

    def __init__(self, start):
        self.current = start

    # Mistake: __aiter__ must return the iterator itself, not a coroutine. `async for` fails with
    # TypeError before the first iteration.
    async def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(1)
        value = self.current
        self.current -= 1
        return value


async def main():
    async for n in Countdown(3):
        print('倒计时', n)
    print('发射！')


asyncio.run(main())
