import asyncio


class Countdown:
    """异步迭代器：每隔 1 秒产出一个数字，从 start 倒数到 1。"""

    def __init__(self, start):
        self.current = start

    # TODO: 实现 __aiter__ 和 __anext__


async def main():
    async for n in Countdown(3):
        print('倒计时', n)
    print('发射！')


asyncio.run(main())
