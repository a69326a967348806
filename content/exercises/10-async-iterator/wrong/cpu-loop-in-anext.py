import asyncio


class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(1)
        value = self.current
        self.current -= 1
        if value == 1:
            # Mistake: a long computation inside a coroutine (a "launch check" of ~0.5 s of CPU)
            # holds the event loop: no other task runs until it ends. The output is the same, and
            # CPU costs no virtual time, so only the harness's note shows it.
            check = sum(i * i for i in range(12_000_000))
            assert check > 0
        return value


async def main():
    async for n in Countdown(3):
        print('倒计时', n)
    print('发射！')


asyncio.run(main())
