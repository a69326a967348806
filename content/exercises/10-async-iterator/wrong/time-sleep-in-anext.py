import asyncio
import time


class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        # Mistake: time.sleep blocks the whole event loop for a second. With a single task the
        # output is the same as with await asyncio.sleep(1), but no other task could run meanwhile.
        time.sleep(1)
        value = self.current
        self.current -= 1
        return value


async def main():
    async for n in Countdown(3):
        print('倒计时', n)
    print('发射！')


asyncio.run(main())
