import asyncio

async def func():
    print('test')
    response = await asyncio.sleep(2)
    print('任务执行完成', response)

async def main():
    print('main')
    await func()
    print('main结束')

async_obj = main()
asyncio.run(async_obj)
