import asyncio

async def main():
    loop = asyncio.get_running_loop()
    for i in range(8):
        loop.call_later(1, print, i)
    await asyncio.sleep(2)

asyncio.run(main())
