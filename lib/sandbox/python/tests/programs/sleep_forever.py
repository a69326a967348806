import asyncio

async def main():
    while True:
        print("tick")
        await asyncio.sleep(4)

asyncio.run(main())
