import asyncio

async def spin():
    while True:
        await asyncio.sleep(0)

asyncio.run(spin())
